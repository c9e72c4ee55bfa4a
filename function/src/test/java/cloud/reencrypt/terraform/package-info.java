/**
 * Checks of {@code terraform/} against what can be proven without a cloud account: the provider's
 * schema (a snapshot under {@code src/test/resources/terraform/}), {@code terraform fmt}, and the
 * code itself (handler classes, the compiler release, {@code Setting}, the IAM actions of {@code
 * KmsOperations.FUNCTION_CALLS} and {@code ObsPermissions}, and the store calls a sweep makes on a
 * local store). The configuration is read with hcl4j, one file at a time, so references stay
 * visible as their names ({@code var.x}, {@code huaweicloud_obs_bucket.input.bucket}) instead of
 * being half-evaluated.
 */
package cloud.reencrypt.terraform;
