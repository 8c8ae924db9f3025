package io.fleetcare.gateway.command;

import java.util.concurrent.CompletionStage;

/** Commands to set-top boxes over MQTT 5, in the gateway's own types. */
public interface MqttCommandChannel {

    /**
     * Publishes {@code body} (QoS 1) on {@code devices/{deviceId}/commands} with response topic
     * {@code devices/{deviceId}/commands/result} and correlation data = {@code commandId} (UTF-8).
     *
     * @return completes when the broker took the message, exceptionally when it did not; never null
     */
    CompletionStage<Void> send(String deviceId, String commandId, byte[] body);

    /** Sets the one receiver of the devices' replies; replaces an earlier one. */
    void onReply(Replies receiver);

    /** Receives a reply a device published on its response topic. */
    @FunctionalInterface
    interface Replies {

        /**
         * @param deviceId  from the topic (the broker's ACL lets only that device publish there); never null
         * @param commandId the correlation data, or null when the reply carried none
         * @param body      never null
         */
        void replied(String deviceId, String commandId, byte[] body);
    }
}
