/**
 * Authentication of the local KMS server: Huawei Cloud's {@code SDK-HMAC-SHA256} AK/SK signatures
 * ({@link cloud.reencrypt.server.auth.CanonicalRequest}, {@link
 * cloud.reencrypt.server.auth.SignatureVerifier}) and IAM-style {@code X-Auth-Token}s, both checked
 * against the credentials of the keystore ({@link cloud.reencrypt.server.auth.KeystoreAccess}).
 */
package cloud.reencrypt.server.auth;
