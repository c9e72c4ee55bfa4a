package cloud.reencrypt.store.obs;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.ObsDialect;
import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.model.AuthTypeEnum;
import java.io.IOException;
import java.net.URI;
import shade.okhttp3.internal.tls.OkHostnameVerifier;

/**
 * Builds the OBS SDK's client: the dialect's signature and addressing, and TLS verified.
 *
 * <p>The SDK's defaults trust any server certificate and, even when asked to check host names,
 * compare the certificate with the endpoint's host rather than the virtual-hosted bucket host it
 * connects to. Here the certificate is checked against the JDK's trust store ({@code cacerts}, or
 * {@code javax.net.ssl.trustStore} when set), as the KMS SDK does, and the host it connects to by
 * OkHttp's default verifier, which the SDK bundles. A bucket name with a dot cannot match OBS's
 * wildcard certificate, so such a bucket is refused over HTTPS, as on S3.
 */
final class ObsClients {
  private ObsClients() {}

  /** A client for the endpoint in the dialect's protocol, signing with the credentials. */
  static ObsClient client(URI endpoint, Credentials credentials, ObsDialect dialect) {
    return credentials.isTemporary()
        ? new ObsClient(
            credentials.accessKey(),
            credentials.secretKey(),
            credentials.securityToken(),
            configuration(endpoint, dialect))
        : new ObsClient(
            credentials.accessKey(), credentials.secretKey(), configuration(endpoint, dialect));
  }

  static void close(ObsClient client) {
    try {
      client.close();
    } catch (IOException e) {
      // Closing only releases pooled connections; there is nothing left to lose.
    }
  }

  private static ObsConfiguration configuration(URI endpoint, ObsDialect dialect) {
    ObsConfiguration configuration = new ObsConfiguration();
    configuration.setEndPoint(endpoint.toString());
    // Negotiation would cost an extra request per bucket; the dialect already says which protocol.
    configuration.setAuthTypeNegotiation(false);
    boolean s3 = dialect == ObsDialect.S3_PATH_STYLE;
    configuration.setAuthType(s3 ? AuthTypeEnum.V2 : AuthTypeEnum.OBS);
    configuration.setPathStyle(s3);
    configuration.setValidateCertificate(true);
    configuration.setIsStrictHostnameVerification(true);
    configuration.setHostnameVerifier(OkHostnameVerifier.INSTANCE);
    return configuration;
  }
}
