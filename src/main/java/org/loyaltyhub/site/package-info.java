/** Running the application: the database (embedded or external), start-up messages and the layout shared by every page. */
package org.loyaltyhub.site;
