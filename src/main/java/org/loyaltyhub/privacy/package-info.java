/** Legal texts (privacy notice, program rules) in versions that members accept, and what they accepted. */
package org.loyaltyhub.privacy;
