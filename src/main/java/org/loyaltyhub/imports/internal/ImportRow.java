package org.loyaltyhub.imports.internal;

import org.loyaltyhub.members.MovingMember;

import java.time.Instant;

/** A row read without a flaw: the member to enrol and their opening balance ({@code expiresAt} null: never). */
record ImportRow(int line, MovingMember member, long points, Instant expiresAt) {
}
