package cloud.reencrypt.bench;

import cloud.reencrypt.kms.CreateDatakeyRequest;
import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.local.crypto.BlockCipher;
import cloud.reencrypt.kms.local.crypto.OaepHash;
import cloud.reencrypt.wiring.LocalKms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench engine}: the local engine's re-encrypt (called on {@link KmsEngine}, keystore file
 * included, 32-byte payloads, one thread) beside the bare primitive pair each needs ({@link
 * BarePairs}). Targets (issue 2): symmetric ≥ 60 % of the pair, asymmetric ≥ 90 %.
 */
final class EngineSuite implements BenchSuite {
  static final int PAYLOAD = 32;
  private static final double SYMMETRIC_TARGET = 0.60;
  private static final double ASYMMETRIC_TARGET = 0.90;
  private static final String PLAINTEXT = "0123456789abcdef0123456789abcdef";

  /** The symmetric baseline's label: the fastest bare pair ({@link BarePairs#aesGcmReused}). */
  static final String AES_PAIR = "AES-GCM decrypt + AES-GCM encrypt, Cipher objects reused";

  @Override
  public String name() {
    return "engine";
  }

  @Override
  public String summary() {
    return "Local engine re-encrypts/s beside the bare primitive pairs (32-byte payloads)";
  }

  @Override
  public List<BenchCase> prepare(Path workDir) throws Exception {
    KmsEngine engine = LocalKms.engine(workDir.resolve("keystore.json"));
    String aes = createKey(engine, "AES_256", "bench-aes-source");
    String otherAes = createKey(engine, "AES_256", "bench-aes-destination");
    String sm4 = createKey(engine, "SM4", "bench-sm4");
    String datakey =
        engine
            .createDatakeyWithoutPlaintext(
                new CreateDatakeyRequest(aes, null, String.valueOf(PAYLOAD * 8), null, null))
            .cipherText();
    List<BenchCase> cases = new ArrayList<>();
    cases.add(
        BenchCase.against(
            "AES_256 → AES_256, data key",
            reEncrypt(engine, aes, null, otherAes, datakey),
            AES_PAIR,
            BarePairs.aesGcmReused(PAYLOAD),
            SYMMETRIC_TARGET));
    cases.add(
        BenchCase.against(
            "AES_256 → SM4, data",
            reEncrypt(engine, aes, null, sm4, encrypt(engine, aes, null)),
            "AES-GCM decrypt + SM4-GCM encrypt",
            BarePairs.gcmToGcm(BlockCipher.AES, BlockCipher.SM4, PAYLOAD),
            SYMMETRIC_TARGET));
    cases.addAll(asymmetricCases(engine, otherAes));
    return cases;
  }

  /** RSA and SM2 sources re-encrypted into AES. */
  private static List<BenchCase> asymmetricCases(KmsEngine engine, String otherAes)
      throws Exception {
    String rsa = createKey(engine, "RSA_2048", "bench-rsa");
    String sm2 = createKey(engine, "SM2", "bench-sm2");
    return List.of(
        BenchCase.against(
            "RSA_2048 (OAEP SHA-256) → AES_256, data",
            reEncrypt(
                engine,
                rsa,
                "RSAES_OAEP_SHA_256",
                otherAes,
                encrypt(engine, rsa, "RSAES_OAEP_SHA_256")),
            "RSA-OAEP decrypt + AES-GCM encrypt",
            BarePairs.rsaToGcm(OaepHash.SHA_256, BlockCipher.AES, PAYLOAD),
            ASYMMETRIC_TARGET),
        BenchCase.against(
            "SM2 → AES_256, data",
            reEncrypt(engine, sm2, "SM2_ENCRYPT", otherAes, encrypt(engine, sm2, "SM2_ENCRYPT")),
            "SM2 decrypt + AES-GCM encrypt",
            BarePairs.sm2ToGcm(BlockCipher.AES, PAYLOAD),
            ASYMMETRIC_TARGET));
  }

  static String createKey(KmsEngine engine, String spec, String alias) {
    return engine
        .createKey(new CreateKeyRequest(alias, spec, null, null, null, null, null))
        .keyInfo()
        .keyId();
  }

  private static String encrypt(KmsEngine engine, String keyId, String algorithm) {
    return engine
        .encryptData(new EncryptDataRequest(keyId, PLAINTEXT, algorithm, null, null))
        .cipherText();
  }

  /** One re-encrypt request, source key named as a handler names it. */
  private static Workload reEncrypt(
      KmsEngine engine, String source, String algorithm, String destination, String blob) {
    ReEncryptRequest request =
        new ReEncryptRequest(source, null, algorithm, destination, null, null, null, blob);
    return () -> engine.reEncrypt(request);
  }
}
