package cloud.reencrypt.kms.local;

/**
 * How a symmetric key wraps data keys. The keystore field {@code datakey_mode} selects it; absent
 * means GCM.
 */
public enum DatakeyMode {
  /** AES-256-GCM / SM4-GCM, like data ciphertexts: the default. */
  GCM,
  /**
   * IV ‖ CBC(DEK ‖ digest(DEK)), the layout KMS's CBC-mode data keys are inferred to have.
   * Decrypting one needs {@code datakey_cipher_length}.
   */
  CBC
}
