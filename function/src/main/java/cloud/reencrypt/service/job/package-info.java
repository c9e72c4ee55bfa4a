/**
 * Manifest jobs: manifests larger than one part ({@code PART_BYTES}) re-encrypted in checkpointed
 * parts, handed on across invocations, fanned out over instances, and assembled into one output. A
 * job's state lives in the object store under the work location ({@code WORK_BUCKET}, {@code
 * WORK_PREFIX + "jobs/" + id + "/"}); the layout is documented on {@link
 * cloud.reencrypt.service.job.JobFolder}.
 */
package cloud.reencrypt.service.job;
