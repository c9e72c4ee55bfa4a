/**
 * Local HTTP servers: {@link cloud.reencrypt.server.KmsServer}, Huawei Cloud KMS's REST API over
 * any {@link cloud.reencrypt.kms.KmsEngine} (the {@code serve} command), and in {@code server.apig}
 * the local API gateway of {@code start-api}. Both run on the JDK's built-in HTTP server, bound to
 * loopback only.
 */
package cloud.reencrypt.server;
