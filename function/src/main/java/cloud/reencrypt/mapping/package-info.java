/**
 * The project's one JSON mapping: a single jackson-databind {@code JsonMapper}, configured once,
 * with a reader and a writer per type. Everything the project reads and writes itself (KMS
 * messages, events, summaries, keystores, manifests, the store's metadata) goes through it; the
 * Huawei SDKs keep their own mappers inside their packages.
 *
 * <p>Two rules live here, because every entry point depends on them:
 *
 * <ul>
 *   <li><b>Strict and bounded.</b> A repeated member name or text after the value is refused, and
 *       {@link JsonMapping#LIMITS} bounds number length, nesting depth, string, name and document
 *       length, so no input costs more than linear time and bounded memory.
 *   <li><b>Silent about content.</b> A {@link JsonReadException} says where and why the text is not
 *       what was expected, never the text: the text may be a request carrying plaintext.
 * </ul>
 */
package cloud.reencrypt.mapping;
