/** The tiny kernel every module may use: points and money values, errors with stable codes, paging, web plumbing. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.loyaltyhub.shared;
