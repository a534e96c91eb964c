/**
 * Privacy: legal texts in versions that members accept; the rights of access, portability and erasure
 * ({@code rights}); retention of personal data ({@code retention}).
 */
package org.loyaltyhub.privacy;
