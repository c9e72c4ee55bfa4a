package cloud.reencrypt.service;

import cloud.reencrypt.kms.CiphertextKeyId;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;

/**
 * ReEncrypt as the function offers it: KMS's request checks, then the key allow-lists, then the
 * engine. The allow-lists are checked before the engine sees the request, so a refused key is never
 * used to decrypt anything.
 */
public final class ReEncryptService {
  private final KmsEngine engine;
  private final KeyAllowList sources;
  private final KeyAllowList destinations;

  public ReEncryptService(KmsEngine engine, KeyAllowList sources, KeyAllowList destinations) {
    this.engine = engine;
    this.sources = sources;
    this.destinations = destinations;
  }

  /** Checks the required fields as KMS does, then the allow-lists, and re-encrypts. */
  public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
    admit(request);
    return KmsOperations.RE_ENCRYPT.invoke(engine, request);
  }

  /**
   * Proves, through the same checks, that {@link #reEncrypt} would succeed, keeping nothing: a dry
   * run's proof ({@link KmsEngine#checkReEncrypt}).
   */
  public void check(ReEncryptRequest request) {
    admit(request);
    engine.checkReEncrypt(request);
  }

  private void admit(ReEncryptRequest request) {
    KmsOperations.RE_ENCRYPT.checkRequired(request);
    if (!sources.allowsEveryKey()) {
      sources.check(sourceKeyId(request));
    }
    destinations.check(request.destinationKeyId());
  }

  /**
   * The key the ciphertext was made under: the request's {@code source_key_id} when given (the
   * engine refuses a mismatch with the blob), else the key ID in a symmetric blob's framing (the
   * framing real KMS blobs share with ours, so this reads both).
   */
  private static String sourceKeyId(ReEncryptRequest request) {
    String given = request.sourceKeyId();
    if (given != null && !given.isEmpty()) {
      return given;
    }
    return CiphertextKeyId.of(request.cipherText()).orElse(null);
  }
}
