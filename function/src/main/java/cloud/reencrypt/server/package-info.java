/**
 * Local HTTP servers: {@link cloud.reencrypt.server.KmsServer}, Huawei Cloud KMS's REST API over
 * any {@link cloud.reencrypt.kms.KmsEngine} (the {@code serve} command), and in {@code server.apig}
 * the local API gateway of {@code start-api}. Both run on Jetty's core API ({@link
 * cloud.reencrypt.server.LoopbackHttpServer}, bound to loopback only), built to stay up under
 * hostile clients: slow, malformed or oversized requests get a JSON error or a closed connection.
 * Handlers see whole requests ({@link cloud.reencrypt.server.HttpCall}) and give whole answers
 * ({@link cloud.reencrypt.server.HttpAnswer}); only this package touches Jetty, and the
 * FunctionGraph handlers never touch this package.
 */
package cloud.reencrypt.server;
