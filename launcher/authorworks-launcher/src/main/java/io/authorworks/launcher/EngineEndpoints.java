package io.authorworks.launcher;

import io.authorworks.launcher.engine.DatabaseEndpoint;

/**
 * Where the running engines, embedded or external, are reached.
 *
 * @param database the database, as its administering role
 * @param redisUrl the Redis URL
 * @param amqpUrl the AMQP broker's URL
 * @param mailHost the SMTP host
 * @param mailPort the SMTP port
 */
record EngineEndpoints(DatabaseEndpoint database, String redisUrl, String amqpUrl, String mailHost, int mailPort) {
}
