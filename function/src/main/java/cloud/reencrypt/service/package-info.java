/**
 * What the function does, independent of how it is triggered: ReEncrypt with the key allow-lists,
 * the batch operation, and the streaming manifest processor. Depends on the {@code kms} core only;
 * no SDK or platform type appears here.
 */
package cloud.reencrypt.service;
