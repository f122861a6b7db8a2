package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** This running instance's name, as the owner of its running fits and start-up claims (new at every start). */
@ApplicationScoped
public class InstanceId {
    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
