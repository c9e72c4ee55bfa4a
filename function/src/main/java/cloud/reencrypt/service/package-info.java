/**
 * What the function does, independent of how it is triggered: ReEncrypt with the key allow-lists,
 * the batch operation, the streaming manifest processor, and the object use case ({@link
 * cloud.reencrypt.service.ObjectReEncryption}: skip or process an object event, write its output
 * with its provenance metadata, summarise). Depends on the {@code kms} core and the {@code store}
 * interface only; no SDK or platform type appears here.
 */
package cloud.reencrypt.service;
