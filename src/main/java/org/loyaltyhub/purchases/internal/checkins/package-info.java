/** Check-ins at stores: by position within the store's radius or with its poster's rotating signed code. */
package org.loyaltyhub.purchases.internal.checkins;
