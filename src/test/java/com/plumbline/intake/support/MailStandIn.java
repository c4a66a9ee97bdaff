package com.plumbline.intake.support;

import java.io.IOException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as the SMTP server, on a port fixed for the JVM so it can be stopped and started
 * again (an SMTP outage) while the service keeps the same settings.
 */
public final class MailStandIn {

    private final int port = FreePorts.next();
    private GreenMail greenMail;

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (greenMail == null) {
            ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            // GreenMail's 2 s is short for a cold JVM on a busy 2-core machine (CrashSafetyIT failed on it)
            smtp.setServerStartupTimeout(30_000);
            greenMail = new GreenMail(smtp);
            greenMail.start();
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized MimeMessage[] received() {
        return greenMail == null ? new MimeMessage[0] : greenMail.getReceivedMessages();
    }

    public synchronized void clear() {
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
