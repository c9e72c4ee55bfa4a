package cloud.reencrypt.bench;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.cloud.CloudKmsEngine;
import cloud.reencrypt.kms.cloud.CloudKmsSettings;
import cloud.reencrypt.kms.local.KeystoreSnapshot;
import cloud.reencrypt.kms.local.LocalKeystore;
import cloud.reencrypt.server.KmsServer;
import cloud.reencrypt.wiring.LocalKms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench http}: re-encrypts through the official KMS SDK (the cloud engine, real AK/SK
 * signing) against {@code serve} on loopback, beside the same SDK client calling the server's
 * {@code /kms/noop} (authenticated, body parsed, no engine): the HTTP floor. Symmetric (AES_256 →
 * AES_256) and RSA_2048 (OAEP SHA-256 → AES_256) sources, 32-byte payloads, 1, 4 and 16 concurrent
 * clients. Target (issue 4): symmetric at 16 clients ≥ 70 % of the floor and ≥ 2,000 requests/s.
 *
 * <p>Manifests through the cloud engine: one manifest at a time through {@link ManifestWorkload}
 * with {@code MANIFEST_CONCURRENCY=16}, so 16 lines in flight, its lines/s beside the floor at 16
 * clients: how much of what the HTTP path allows the manifest pipeline keeps.
 *
 * <p>Slowloris (issue 9): the same no-op against a second server on the same keystore that {@value
 * #SLOW_CLIENTS} connections trickle a request head into, one byte a second each ({@link
 * SlowClients}), beside the floor on the first; target: p99 latency under a second. A server of its
 * own keeps that load off the other cases.
 *
 * <p>Server and client share this JVM, as {@code serve} and a caller share the machine; the SDK
 * client makes one attempt per call, so a failure stops the run instead of hiding in retries.
 */
final class HttpSuite implements LoadSuite {
  private static final double SYMMETRIC_TARGET = 0.70;
  private static final double MIN_REQUESTS_PER_SECOND = 2_000;
  private static final String PLAINTEXT = "0123456789abcdef0123456789abcdef";
  private static final int SLOW_CLIENTS = 40;
  private static final int MANIFEST_LINES = 512;
  private static final int MANIFEST_CONCURRENCY = 16;
  private KmsServer server;
  private KmsServer slowServer;
  private SlowClients slowClients;

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String summary() {
    return "Re-encrypts/s and latency through the KMS SDK against serve, beside its no-op floor";
  }

  @Override
  public List<Integer> clients() {
    return List.of(1, 4, 16);
  }

  @Override
  public int targetClients() {
    return 16;
  }

  @Override
  public double minOpsPerSecond() {
    return MIN_REQUESTS_PER_SECOND;
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    Path keystore = workDir.resolve("keystore.json");
    server = LocalKms.serve(keystore, 0, Clock.systemUTC());
    KeystoreSnapshot snapshot = LocalKeystore.open(keystore).snapshot();
    CloudKmsEngine sdk = sdkClient(snapshot, server);
    String aes = createKey(sdk, "AES_256", "bench-http-aes-source");
    String otherAes = createKey(sdk, "AES_256", "bench-http-aes-destination");
    String rsa = createKey(sdk, "RSA_2048", "bench-http-rsa");
    Workload floor =
        () -> {
          sdk.noop();
          return Boolean.TRUE;
        };
    String floorLabel = "no-op, same SDK client (HTTP floor)";
    String aesBlob = encrypt(sdk, aes, null);
    return List.of(
        BenchCase.against(
            "AES_256 → AES_256 re-encrypt via SDK",
            reEncrypt(sdk, null, null, otherAes, aesBlob),
            floorLabel,
            floor,
            SYMMETRIC_TARGET),
        BenchCase.against(
            "RSA_2048 (OAEP SHA-256) → AES_256 re-encrypt via SDK",
            reEncrypt(
                sdk, rsa, "RSAES_OAEP_SHA_256", otherAes, encrypt(sdk, rsa, "RSAES_OAEP_SHA_256")),
            floorLabel,
            floor,
            Double.NaN),
        manifestCase(sdk, aesBlob, otherAes, floorLabel, floor),
        slowlorisCase(keystore, snapshot, floorLabel, floor));
  }

  /** A whole manifest through the SDK client, {@value #MANIFEST_CONCURRENCY} lines in flight. */
  private static BenchCase manifestCase(
      CloudKmsEngine sdk, String aesBlob, String otherAes, String floorLabel, Workload floor) {
    return BenchCase.batched(
        "manifest of "
            + MANIFEST_LINES
            + " AES_256 lines via SDK, MANIFEST_CONCURRENCY="
            + MANIFEST_CONCURRENCY
            + " (lines/s; latency per manifest)",
        ManifestWorkload.of(sdk, aesBlob, otherAes, MANIFEST_LINES, MANIFEST_CONCURRENCY),
        MANIFEST_LINES,
        1,
        floorLabel,
        floor);
  }

  private BenchCase slowlorisCase(
      Path keystore, KeystoreSnapshot snapshot, String floorLabel, Workload floor)
      throws Exception {
    slowServer = LocalKms.serve(keystore, 0, Clock.systemUTC());
    slowClients = SlowClients.start(slowServer.port(), SLOW_CLIENTS);
    slowClients.awaitBytesSent(2);
    CloudKmsEngine sdk = sdkClient(snapshot, slowServer);
    Workload noop =
        () -> {
          sdk.noop();
          return Boolean.TRUE;
        };
    String label = "no-op via SDK, " + SLOW_CLIENTS + " clients trickling 1 B/s (p99 < 1 s)";
    return BenchCase.against(label, noop, floorLabel, floor, Double.NaN);
  }

  @Override
  public void close() {
    if (slowClients != null) {
      slowClients.close();
    }
    for (KmsServer running : new KmsServer[] {server, slowServer}) {
      if (running != null) {
        running.close();
      }
    }
  }

  private static CloudKmsEngine sdkClient(KeystoreSnapshot keystore, KmsServer server) {
    Credentials credential = keystore.credentials().get(0);
    return CloudKmsEngine.create(
        new CloudKmsSettings(
            server.url(),
            keystore.projectId(),
            credential,
            Duration.ofSeconds(3),
            Duration.ofSeconds(10),
            1,
            0));
  }

  private static String createKey(CloudKmsEngine sdk, String spec, String alias) {
    return sdk.createKey(new CreateKeyRequest(alias, spec, null, null, null, null, null))
        .keyInfo()
        .keyId();
  }

  private static String encrypt(CloudKmsEngine sdk, String keyId, String algorithm) {
    return sdk.encryptData(new EncryptDataRequest(keyId, PLAINTEXT, algorithm, null, null))
        .cipherText();
  }

  private static Workload reEncrypt(
      CloudKmsEngine sdk, String source, String algorithm, String destination, String blob) {
    ReEncryptRequest request =
        new ReEncryptRequest(source, null, algorithm, destination, null, null, null, blob);
    return () -> sdk.reEncrypt(request);
  }
}
