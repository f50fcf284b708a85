package org.confab.server.dmconnect;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 000: /pm with every reply text; the private line reaches every session of the recipient. */
class PrivateMessageTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void usage() {
        try (TextClient c = server.loggedIn("pmusage")) {
            c.send("/pm").expect("Usage: /pm <username> <message>");
            c.send("/pm someone").expect("Usage: /pm <username> <message>");
        }
    }

    @Test
    void unknownUser() {
        try (TextClient c = server.loggedIn("pmunknown")) {
            c.send("/pm ghost hello").expect("User does not exist.");
        }
    }

    @Test
    void toYourself() {
        try (TextClient c = server.loggedIn("narcissus")) {
            c.send("/pm narcissus hello me").expect("You cannot send private messages to yourself.");
            c.send("/pm NARCISSUS hello me").expect("You cannot send private messages to yourself.");
        }
    }

    @Test
    void offlineRecipient() {
        try (TextClient c = server.loggedIn("pmsender1")) {
            TextClient gone = server.loggedIn("pmoffline");
            gone.close();
            server.awaitOffline("pmoffline");
            c.send("/pm pmoffline are you there").expect("Failed to send private message to pmoffline.");
        }
    }

    @Test
    void deliveredToEverySessionOfTheRecipient() {
        try (TextClient from = server.loggedIn("pmfrom"); TextClient to1 = server.loggedIn("pmto"); TextClient to2 = server.connect()) {
            to2.expectGreeting();
            to2.login("pmto", "pw-pmto");
            from.send("/pm pmto hello there, friend").expect("Private message sent to pmto.");
            to1.expect("(Private) pmfrom: hello there, friend");
            to2.expect("(Private) pmfrom: hello there, friend");
            from.expectNothingMore();
        }
    }

    @Test
    void workWhetherOrNotAnyoneIsInARoom() {
        try (TextClient from = server.inRoom("pmroomy", "general"); TextClient to = server.loggedIn("pmroomless")) {
            from.send("/pm pmroomless psst").expect("Private message sent to pmroomless.");
            to.expect("(Private) pmroomy: psst");
        }
    }

    @Test
    void ourOwnHostNameIsLocal() {
        try (TextClient from = server.loggedIn("pmlocalhost"); TextClient to = server.loggedIn("pmlocalto")) {
            from.send("/pm pmlocalto@" + TestServer.HOST + " hi").expect("Private message sent to pmlocalto@" + TestServer.HOST + ".");
            to.expect("(Private) pmlocalhost: hi");
        }
    }

    @Test
    void aHostThatDoesNotAnswerFails() {
        try (TextClient from = server.loggedIn("pmremote")) {
            from.send("/pm bob@127.0.0.1 hi").expect("Failed to send private message to bob@127.0.0.1.");
        }
    }
}
