package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.util.function.BiFunction;

/**
 * re-encrypt, with the rules of KMS's ReEncrypt document. Checks run in this order, so the first
 * failing one decides the error:
 *
 * <ol>
 *   <li>field formats: algorithms (KMS.0308), AAD lengths (KMS.0308), datakey_cipher_length
 *       (KMS.0308), required fields (KMS.0204), source_key_id with an asymmetric source algorithm
 *       (KMS.0204);
 *   <li>the source key, when source_key_id is given: ID (KMS.0205), existence (KMS.0207), state
 *       (KMS.0209/0210), usage (KMS.0335), algorithm (KMS.2105/2106), no AAD if asymmetric
 *       (KMS.0308);
 *   <li>the destination key, the same checks;
 *   <li>the ciphertext: encoding and framing (KMS.2201), its key against source_key_id (KMS.2201)
 *       or, when that is omitted, its key looked up and checked as in 2;
 *   <li>a data-key ciphertext only into a symmetric destination (KMS.0325);
 *   <li>decryption (KMS.2201; CBC data keys KMS.0204/2204/2203);
 *   <li>the destination's plaintext limit (KMS.2101/2108), then encryption.
 * </ol>
 */
final class ReEncryption {
  private static final String SOURCE_KEY = "source_key_id";
  private static final String SOURCE_ALGORITHM = "source_encryption_algorithm";
  private static final String SOURCE_AAD = "source_additional_authenticated_data";
  private static final String DESTINATION_KEY = "destination_key_id";
  private static final String DESTINATION_ALGORITHM = "destination_encryption_algorithm";
  private static final String DESTINATION_AAD = "destination_additional_authenticated_data";

  private final LocalKeystore keystore;

  ReEncryption(LocalKeystore keystore) {
    this.keystore = keystore;
  }

  /** A checked request: its parsed fields and both keys where known. */
  private record Plan(
      EncryptionAlgorithm sourceAlgorithm,
      byte[] sourceAad,
      LocalKey namedSource,
      EncryptionAlgorithm destinationAlgorithm,
      byte[] destinationAad,
      LocalKey destination,
      Integer datakeyLength) {}

  ReEncryptResponse reEncrypt(ReEncryptRequest request) {
    return open(request, ReEncryption::seal);
  }

  /**
   * Every check of {@link #reEncrypt} and the decryption, without encrypting: the plaintext is
   * wiped once the destination's limit is checked, and nothing is returned.
   */
  void check(ReEncryptRequest request) {
    open(
        request,
        (plan, opened) -> {
          if (!opened.datakey()) {
            DataCipher.requireFits(
                plan.destination, plan.destinationAlgorithm, opened.plaintext().length);
          }
          return null;
        });
  }

  /**
   * A ciphertext's plaintext, held only while {@code then} runs.
   *
   * @param datakey whether it is a data key (re-wrapped, never re-encrypted as data)
   */
  private record Opened(LocalKey source, byte[] plaintext, boolean datakey) {}

  private <T> T open(ReEncryptRequest request, BiFunction<Plan, Opened, T> then) {
    KeystoreSnapshot snapshot = keystore.snapshot();
    Plan plan = plan(request, snapshot);
    Opened opened = decrypt(request.cipherText(), plan, snapshot);
    try {
      return then.apply(plan, opened);
    } finally {
      Secrets.wipe(opened.plaintext());
    }
  }

  private static Opened decrypt(String cipherText, Plan plan, KeystoreSnapshot snapshot) {
    if (!plan.sourceAlgorithm.symmetric()) {
      return new Opened(
          plan.namedSource,
          DataCipher.decryptAsymmetric(plan.namedSource, plan.sourceAlgorithm, cipherText),
          false);
    }
    CiphertextBlob blob = CipherTextInput.symmetricBlob(cipherText);
    LocalKey source = BlobKeys.resolve(snapshot, blob, plan.namedSource, SOURCE_KEY);
    if (!blob.kind().datakey()) {
      return new Opened(source, GcmSealer.open(blob, source.symmetric(), plan.sourceAad), false);
    }
    if (!plan.destination.spec().symmetric()) {
      throw KmsError.ASYMMETRIC_NOT_SUPPORTED.exception(
          "a data-key ciphertext re-encrypts only under a symmetric destination key");
    }
    return new Opened(
        source, DatakeyCipher.unwrap(blob, source, plan.sourceAad, plan.datakeyLength), true);
  }

  private static ReEncryptResponse seal(Plan plan, Opened opened) {
    if (opened.datakey()) {
      String wrapped =
          DatakeyCipher.wrap(plan.destination, opened.plaintext(), plan.destinationAad);
      return response(plan, opened.source(), wrapped);
    }
    DataCipher.requireFits(plan.destination, plan.destinationAlgorithm, opened.plaintext().length);
    String cipherText =
        DataCipher.encrypt(
            plan.destination, plan.destinationAlgorithm, opened.plaintext(), plan.destinationAad);
    return response(plan, opened.source(), cipherText);
  }

  private static Plan plan(ReEncryptRequest request, KeystoreSnapshot snapshot) {
    EncryptionAlgorithm sourceAlgorithm =
        EncryptionAlgorithm.parse(SOURCE_ALGORITHM, request.sourceEncryptionAlgorithm());
    EncryptionAlgorithm destinationAlgorithm =
        EncryptionAlgorithm.parse(DESTINATION_ALGORITHM, request.destinationEncryptionAlgorithm());
    byte[] sourceAad = RequestFields.aad(SOURCE_AAD, request.sourceAdditionalAuthenticatedData());
    byte[] destinationAad =
        RequestFields.aad(DESTINATION_AAD, request.destinationAdditionalAuthenticatedData());
    Integer datakeyLength = DatakeyCipher.claimedLength(request.datakeyCipherLength());
    RequestFields.required("cipher_text", request.cipherText());
    String destinationId = RequestFields.required(DESTINATION_KEY, request.destinationKeyId());
    LocalKey namedSource = namedSource(snapshot, request.sourceKeyId(), sourceAlgorithm, sourceAad);
    LocalKey destination =
        usable(
            snapshot, DESTINATION_KEY, destinationId, destinationAlgorithm, DESTINATION_ALGORITHM);
    RequestFields.requireNoAadForAsymmetric(destination, destinationAad, DESTINATION_AAD);
    return new Plan(
        sourceAlgorithm,
        sourceAad,
        namedSource,
        destinationAlgorithm,
        destinationAad,
        destination,
        datakeyLength);
  }

  /**
   * The checked source key when source_key_id is given, else null: a symmetric ciphertext names its
   * own key, which {@link #decrypt} looks up.
   */
  private static LocalKey namedSource(
      KeystoreSnapshot snapshot,
      String sourceKeyId,
      EncryptionAlgorithm sourceAlgorithm,
      byte[] sourceAad) {
    boolean sourceNamed = RequestFields.present(sourceKeyId);
    if (!sourceAlgorithm.symmetric() && !sourceNamed) {
      throw KmsError.MISSING_PARAMETER.exception(
          SOURCE_KEY + " (required for asymmetric ciphertexts)");
    }
    if (!sourceNamed) {
      return null;
    }
    LocalKey namedSource =
        usable(snapshot, SOURCE_KEY, sourceKeyId, sourceAlgorithm, SOURCE_ALGORITHM);
    RequestFields.requireNoAadForAsymmetric(namedSource, sourceAad, SOURCE_AAD);
    return namedSource;
  }

  private static LocalKey usable(
      KeystoreSnapshot snapshot,
      String field,
      String keyId,
      EncryptionAlgorithm algorithm,
      String algorithmField) {
    return snapshot.key(field, keyId).requireUsable(field, algorithm, algorithmField);
  }

  private static ReEncryptResponse response(Plan plan, LocalKey source, String cipherText) {
    return new ReEncryptResponse(
        plan.destination.keyId(),
        source.keyId(),
        plan.sourceAlgorithm.name(),
        plan.destinationAlgorithm.name(),
        cipherText);
  }
}
