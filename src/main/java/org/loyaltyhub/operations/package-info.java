/**
 * Running the application in production: the Prometheus scrape endpoint and its token, and the request id and circuit
 * on every log line. Nobody depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy"})
package org.loyaltyhub.operations;
