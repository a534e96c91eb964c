/** Members (customers), their consents, external ids per shop and loyalty cards, and how a member is identified. */
package org.loyaltyhub.members;
