package org.loyaltyhub.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class runs against an application of its own on an empty database, as just installed (no platform
 * administrator yet), whatever ran before it; the application is closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = "loyaltyhub.db.data-dir=target/test-postgres-fresh")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface FreshInstall {
}
