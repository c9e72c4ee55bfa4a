package cloud.reencrypt.store;

import java.util.Set;

/**
 * The OBS IAM actions the OBS object store needs, per bucket and per kind of resource. This is the
 * one list: the deployment's agency ({@code terraform/access.tf}) grants exactly these, on the
 * input and output buckets only, and the Terraform tests hold it to this class. A store change that
 * calls another OBS API changes this class and the policy together.
 *
 * <p>How the store's calls map to IAM v3 actions:
 *
 * <ul>
 *   <li>GET object (read a source, stream a manifest) and HEAD object (metadata, existence): {@code
 *       obs:object:GetObject}. OBS has no separate metadata action.
 *   <li>PUT object and the multipart upload calls that build an object (initiate, upload part,
 *       complete): {@code obs:object:PutObject}.
 *   <li>Abort multipart upload, when a large write fails half way ({@code ObsUpload}): {@code
 *       obs:object:AbortMultipartUpload}. The output bucket's lifecycle rule removes the parts of
 *       an upload whose abort failed too.
 *   <li>{@code obs:bucket:ListBucket} on the output bucket: before writing, the store looks up an
 *       earlier result for the same source (a repeated event must redo nothing), and an
 *       S3-compatible service answers a HEAD of an absent key with 403 instead of 404 to a caller
 *       that may not list the bucket.
 * </ul>
 *
 * <p>Delete only in the work location ({@code WORK_BUCKET}/{@code WORK_PREFIX}), where a job's
 * parts, records and work items are removed once its output is committed: a source is never changed
 * or deleted, and an output is written whole or not at all (an aborted upload never becomes an
 * object). The API function, with the jobs API on, reads job state and writes cancel markers there,
 * and, with sweeps allowed too, starts sweeps: it writes a new sweep's plan, status and first page
 * and the sweep index, nothing else.
 *
 * <p>Sweeps add the buckets in {@code SWEEP_ALLOWED_BUCKETS}, each granted by name: both functions
 * list them (the API function for a sweep's first page, the OBS function for the next ones), and
 * the OBS function reads their objects as it reads a dropped file.
 */
public final class ObsPermissions {
  public static final String GET_OBJECT = "obs:object:GetObject";
  public static final String PUT_OBJECT = "obs:object:PutObject";
  public static final String ABORT_MULTIPART_UPLOAD = "obs:object:AbortMultipartUpload";
  public static final String LIST_BUCKET = "obs:bucket:ListBucket";
  public static final String DELETE_OBJECT = "obs:object:DeleteObject";

  /** On the objects of the bucket the trigger watches: read a dropped file and its metadata. */
  public static final Set<String> INPUT_OBJECTS = Set.of(GET_OBJECT);

  /** On the input bucket itself: nothing, the events name the objects. */
  public static final Set<String> INPUT_BUCKET = Set.of();

  /** On the objects of the output bucket: look up an earlier result, write the new one. */
  public static final Set<String> OUTPUT_OBJECTS =
      Set.of(GET_OBJECT, PUT_OBJECT, ABORT_MULTIPART_UPLOAD);

  /** On the output bucket itself: so that a result not written yet reads as absent. */
  public static final Set<String> OUTPUT_BUCKET = Set.of(LIST_BUCKET);

  /**
   * On the objects under the work prefix: job state, parts and work items written and read, and
   * removed when the job ends (composing the output reads the parts too).
   */
  public static final Set<String> WORK_OBJECTS =
      Set.of(GET_OBJECT, PUT_OBJECT, ABORT_MULTIPART_UPLOAD, DELETE_OBJECT);

  /** On the work bucket itself: listing a job's folder, and absent state reading as absent. */
  public static final Set<String> WORK_BUCKET = Set.of(LIST_BUCKET);

  /** The jobs API on job folders ({@code WORK_PREFIX jobs/*}): read status and markers. */
  public static final Set<String> JOBS_API_OBJECTS = Set.of(GET_OBJECT);

  /** The jobs API on a job's {@code cancel} marker: write it, the only thing it writes. */
  public static final Set<String> JOBS_API_CANCEL_MARKERS = Set.of(PUT_OBJECT);

  /** On each bucket a sweep may sweep: list it, one page at a time. */
  public static final Set<String> SWEEP_BUCKET = Set.of(LIST_BUCKET);

  /** On the objects of each bucket a sweep may sweep: the OBS function reads them as sources. */
  public static final Set<String> SWEEP_OBJECTS = Set.of(GET_OBJECT);

  /** The API function on a new sweep's plan, status and first page: write them. */
  public static final Set<String> SWEEP_START_OBJECTS = Set.of(PUT_OBJECT);

  /**
   * The API function on the sweep index ({@code WORK_PREFIX sweeps/*}): look up the running sweep
   * of an equal request, record a new one.
   */
  public static final Set<String> SWEEP_INDEX = Set.of(GET_OBJECT, PUT_OBJECT);

  private ObsPermissions() {}
}
