package org.learningcities.notification.delivery;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the dispatchers of a channel as soon as a transaction that may have made one of its notifications due
 * commits: one that queued it, or one that stored what a waiting message needs (the recipient's contact, the
 * conference, a badge). Without it a message would wait for the next poll. Waking after the commit, never before,
 * matters: the dispatchers read with their own transactions and would not see the row yet. The poll stays as a
 * safety net for retries that fall due later and for rows another instance wrote.
 * <p>
 * A channel's loops share one wake-up: one loop answers it and sends everything due, and another joins in only when
 * more comes while the first is busy. So an idle channel costs nothing, and a wake-up on a channel with nothing to do
 * costs one query rather than one per loop.
 */
@Component
public class DispatcherWakeUp {

    private final Map<Channel, Semaphore> wakeUps = new EnumMap<>(Channel.class);

    DispatcherWakeUp() {
        for (Channel channel : Channel.values()) {
            wakeUps.put(channel, new Semaphore(0));
        }
    }

    /** Wakes every channel's dispatchers once the caller's transaction commits, or now outside a transaction. */
    public void afterCommit() {
        afterCommit(EnumSet.allOf(Channel.class));
    }

    /** Wakes these channels' dispatchers once the caller's transaction commits, or now outside a transaction. */
    void afterCommit(Collection<Channel> channels) {
        if (channels.isEmpty()) {
            return;
        }
        Set<Channel> woken = EnumSet.copyOf(channels);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    woken.forEach(channel -> wakeUps.get(channel).release());
                }
            });
        } else {
            woken.forEach(channel -> wakeUps.get(channel).release());
        }
    }

    /** Wakes one loop of every channel now. */
    void wakeAll() {
        wakeUps.values().forEach(Semaphore::release);
    }

    /** What the loops of this channel wait on between runs. */
    Semaphore of(Channel channel) {
        return wakeUps.get(channel);
    }
}
