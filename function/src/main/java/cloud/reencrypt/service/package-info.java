/**
 * What the function does, independent of how it is triggered: ReEncrypt with the key allow-lists,
 * the batch operation, the streaming manifest processor, and the object use case ({@link
 * cloud.reencrypt.service.ObjectReEncryption}: skip or process an object event, write its output
 * with its provenance metadata, summarise), manifest jobs for manifests larger than one part
 * ({@link cloud.reencrypt.service.ManifestJobs}: plan, checkpointed parts, hand-on, fan-out,
 * assembly; their state under the work location is laid out in {@link
 * cloud.reencrypt.service.JobFolder}) and the jobs API ({@link
 * cloud.reencrypt.service.JobControl}). Depends on the {@code kms} core and the {@code store}
 * interface only; no SDK or platform type appears here.
 */
package cloud.reencrypt.service;
