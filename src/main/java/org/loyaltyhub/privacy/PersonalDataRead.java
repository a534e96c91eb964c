package org.loyaltyhub.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page or API operation that shows a person's data: each answered request is recorded in the audit log as a
 * read of {@link #entity()} (the id taken from the path variable {@link #id()}, when there is one).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalDataRead {

    /** What is read, as the audit log names it. */
    String entity() default "members";

    /** The path variable holding the id of what is read; empty when the operation reads several (a search). */
    String id() default "id";
}
