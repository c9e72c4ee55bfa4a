/**
 * The engine backed by Huawei Cloud KMS through the official Java SDK ({@code
 * com.huaweicloud.sdk:huaweicloud-sdk-kms}); the only package that imports the SDK.
 *
 * <p>{@link cloud.reencrypt.kms.cloud.CloudKmsEngine} maps the project's request records onto the
 * SDK's generated client, and ReEncrypt, which SDK 3.1.143 lacks, onto a request defined with the
 * SDK's own {@code HttpRequestDef} ({@link cloud.reencrypt.kms.cloud.ReEncryptApi}), so that
 * re-encryption happens inside KMS and no plaintext reaches the function. Every call goes through
 * {@link cloud.reencrypt.kms.cloud.ResilientCaller}: a client-side rate limit that slows down when
 * KMS throttles, retries with exponential backoff and full jitter (throttled attempts until the
 * remaining time runs out, others up to a count), and the invocation's remaining time as a hard
 * bound. SDK failures become {@link cloud.reencrypt.kms.KmsException}s with KMS's codes and
 * statuses ({@link cloud.reencrypt.kms.cloud.SdkErrors}).
 */
package cloud.reencrypt.kms.cloud;
