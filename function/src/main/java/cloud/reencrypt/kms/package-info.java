/**
 * The core of the project: the {@link cloud.reencrypt.kms.KmsEngine} interface, KMS's request and
 * response messages with their JSON names, the operation registry every entry point dispatches
 * through, and KMS's error codes. Nothing here knows about an SDK, a platform or a cipher.
 */
package cloud.reencrypt.kms;
