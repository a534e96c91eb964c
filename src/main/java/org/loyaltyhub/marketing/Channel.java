package org.loyaltyhub.marketing;

/**
 * How a notification reaches a member besides their inbox: by e-mail (through the outbox) or by SMS (through the
 * circuit's SMS gateway, paid by the circuit). Each has its own template per language.
 */
public enum Channel {
    EMAIL, SMS
}
