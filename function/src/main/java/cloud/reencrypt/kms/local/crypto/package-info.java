/**
 * The cryptographic primitives of the local KMS engine, and nothing else: AES and SM4 in GCM and
 * CBC ({@link cloud.reencrypt.kms.local.crypto.BlockCipher}), RSA-OAEP with SHA-1 or SHA-256 and
 * the matching MGF1 ({@link cloud.reencrypt.kms.local.crypto.RsaOaep}), SM2 public-key encryption
 * with GM/T 0009 DER ciphertexts ({@link cloud.reencrypt.kms.local.crypto.Sm2}), PKCS#8 key
 * handling, SHA-256 and SM3, one shared {@code SecureRandom} and wiping.
 *
 * <p>AES and RSA run on the JDK's providers; SM2, SM3 and SM4 on Bouncy Castle's lightweight API.
 * No JCA provider is ever registered (registering Bouncy Castle costs cold-start time), and no
 * Bouncy Castle type appears in a public signature here. Every decryption failure, whatever its
 * cause (bad tag, bad padding, malformed DER, a point off the curve), is a {@link
 * java.security.GeneralSecurityException} whose message names no key or plaintext byte.
 */
package cloud.reencrypt.kms.local.crypto;
