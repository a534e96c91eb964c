/** Landing pages: blocks in Italian and English published for a circuit, their images, visits and conversions. */
@org.springframework.modulith.NamedInterface("landing")
package org.loyaltyhub.marketing.landing;
