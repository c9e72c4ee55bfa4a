/**
 * Test support: the event-fixture source that feeds every {@code events/**}{@code /name.json} with
 * its {@code name.expected.json} to a parameterised test, in the manner of aws-lambda-java-tests'
 * {@code @HandlerParams}/{@code @Event}, and helpers that check volatile fields by property.
 */
package cloud.reencrypt.testing;
