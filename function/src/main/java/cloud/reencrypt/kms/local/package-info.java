/**
 * The bundled local KMS engine: {@link cloud.reencrypt.kms.local.LocalKmsEngine} implements Huawei
 * Cloud KMS's operations on a JSON keystore file ({@link cloud.reencrypt.kms.local.LocalKeystore}),
 * with KMS's request fields, defaults, encodings and error codes. Symmetric ciphertexts use KMS's
 * framing ({@link cloud.reencrypt.kms.local.CiphertextBlob}) around AES-256-GCM / SM4-GCM (or CBC
 * for data keys of keys so marked); asymmetric ones are plain RSA-OAEP and SM2 outputs. The
 * primitives live in {@code kms.local.crypto}.
 */
package cloud.reencrypt.kms.local;
