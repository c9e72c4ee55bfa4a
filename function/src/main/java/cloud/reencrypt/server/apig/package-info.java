/**
 * The local API gateway of {@code start-api}: HTTP requests become FunctionGraph APIG events for
 * the APIG handler, and its responses become HTTP answers, as Huawei Cloud's API Gateway does for a
 * FunctionGraph backend.
 */
package cloud.reencrypt.server.apig;
