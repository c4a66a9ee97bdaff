package com.plumbline.intake.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriberGrpc;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * Stands in for Pub/Sub's Subscriber service on loopback (plaintext gRPC), the way the emulator
 * would: messages published here are handed out by Pull, and acknowledgements are recorded.
 */
public class FakePubSubSubscriber extends SubscriberGrpc.SubscriberImplBase implements AutoCloseable {

    private final BlockingQueue<ReceivedMessage> pending = new LinkedBlockingQueue<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> negativelyAcknowledged = ConcurrentHashMap.newKeySet();
    private final Server server;

    public FakePubSubSubscriber() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(this).build().start();
    }

    public String endpoint() {
        return "localhost:" + server.getPort();
    }

    public void publish(String messageId, String data) {
        pending.add(ReceivedMessage.newBuilder()
                .setAckId("ack-" + messageId)
                .setMessage(PubsubMessage.newBuilder().setMessageId(messageId).setData(ByteString.copyFromUtf8(data)))
                .build());
    }

    public Set<String> acknowledged() {
        return acknowledged;
    }

    public Set<String> negativelyAcknowledged() {
        return negativelyAcknowledged;
    }

    @Override
    public void pull(PullRequest request, StreamObserver<PullResponse> response) {
        try {
            // wait a little for a message, like a real pull, so the consumer does not spin
            ReceivedMessage message = pending.poll(200, TimeUnit.MILLISECONDS);
            response.onNext(PullResponse.newBuilder()
                    .addAllReceivedMessages(message == null ? List.of() : List.of(message)).build());
            response.onCompleted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(e);
        }
    }

    @Override
    public void acknowledge(AcknowledgeRequest request, StreamObserver<Empty> response) {
        acknowledged.addAll(request.getAckIdsList());
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void modifyAckDeadline(ModifyAckDeadlineRequest request, StreamObserver<Empty> response) {
        if (request.getAckDeadlineSeconds() == 0) {
            negativelyAcknowledged.addAll(request.getAckIdsList());
        }
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
