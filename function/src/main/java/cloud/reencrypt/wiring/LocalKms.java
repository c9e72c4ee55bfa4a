package cloud.reencrypt.wiring;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.local.KeystoreSnapshot;
import cloud.reencrypt.kms.local.LocalKeystore;
import cloud.reencrypt.kms.local.LocalKmsEngine;
import cloud.reencrypt.server.KmsServer;
import cloud.reencrypt.server.auth.KeystoreAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The local engine on a keystore file as the local tools use it: the {@code kms} command, {@code
 * serve}, and the benchmarks. Not part of the function: the FunctionGraph package leaves this class
 * out with the servers.
 */
public final class LocalKms {
  private LocalKms() {}

  /** The local engine on a keystore file, created on first write if it does not exist. */
  public static KmsEngine engine(Path keystore) {
    return LocalKmsEngine.open(keystore);
  }

  /** Whether the file is the public demo keystore, whose keys anyone can read. */
  public static boolean isPublicDemo(Path keystore) {
    return LocalKeystore.open(keystore).isPublicDemo();
  }

  /**
   * What an SDK needs to reach {@code serve} on this keystore: its project and first credential.
   */
  public record ClientAccess(String projectId, Credentials credentials) {}

  /** The keystore's project and first credential. */
  public static ClientAccess clientAccess(Path keystore) {
    KeystoreSnapshot snapshot = LocalKeystore.open(keystore).snapshot();
    return new ClientAccess(snapshot.projectId(), snapshot.credentials().get(0));
  }

  /**
   * Serves the local engine on a keystore file, accepting the keystore's credentials and tokens
   * (read once, at start). A missing file is created first, with a fresh project ID, credential and
   * token, so that the project served is the one persisted.
   *
   * @throws IOException when the keystore admits nobody (no credentials, no tokens)
   * @throws cloud.reencrypt.kms.KmsException KMS.0101 when the keystore is unreadable or invalid
   */
  public static KmsServer serve(Path keystoreFile, int port, Clock clock) throws IOException {
    return serve(keystoreFile, port, clock, 0);
  }

  /**
   * As {@link #serve(Path, int, Clock)}, answering at most {@code maxTps} requests per second (0:
   * no limit) and 429 beyond.
   */
  public static KmsServer serve(Path keystoreFile, int port, Clock clock, int maxTps)
      throws IOException {
    LocalKeystore keystore = LocalKeystore.open(keystoreFile);
    if (!Files.exists(keystoreFile)) {
      keystore.update((document, snapshot) -> null);
    }
    KeystoreSnapshot snapshot = keystore.snapshot();
    Map<String, String> secretKeys = new HashMap<>();
    for (Credentials credential : snapshot.credentials()) {
      secretKeys.put(credential.accessKey(), credential.secretKey());
    }
    KeystoreAccess access =
        new KeystoreAccess(snapshot.projectId(), secretKeys, snapshot.authTokens());
    if (!access.admitsAnyone()) {
      throw new IOException(
          "keystore "
              + keystoreFile
              + " has no credentials and no auth_tokens: every request would"
              + " be refused");
    }
    return KmsServer.start(
        new LocalKmsEngine(keystore, clock),
        access,
        port,
        clock,
        KmsServer.DEFAULT_MAX_BODY_BYTES,
        maxTps);
  }
}
