/**
 * JSON for everything the project reads and writes itself: KMS messages, events, keystores,
 * manifests, metadata. Values are plain Java types (objects are {@code Map<String, Object>} in
 * document order, arrays {@code List<Object>}, strings, {@code Long} or {@code BigDecimal} numbers,
 * {@code Boolean} and {@code null}), so a handler's {@code Map} event from the platform and a
 * parsed file look the same.
 *
 * <p>Why not a JSON library: a function's cold start pays for every class it loads, and building
 * Jackson's first {@code ObjectMapper} alone costs more than the JVM's own start. These few classes
 * cost almost nothing. The SDKs keep using Jackson inside their own packages.
 */
package cloud.reencrypt.json;
