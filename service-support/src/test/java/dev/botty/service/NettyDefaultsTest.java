package dev.botty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyDefaultsTest {
    @AfterEach
    void clear() {
        System.clearProperty(NettyDefaults.JFR);
    }

    @Test
    void turnsNettysJfrEventsOff() {
        System.clearProperty(NettyDefaults.JFR);
        NettyDefaults.apply();
        assertEquals("false", System.getProperty(NettyDefaults.JFR));
    }

    @Test
    void leavesAnOperatorsSettingAlone() {
        System.setProperty(NettyDefaults.JFR, "true");
        NettyDefaults.apply();
        assertEquals("true", System.getProperty(NettyDefaults.JFR));
    }
}
