/// State a module keeps in one engine (a policy store, sockets, lab workloads), created on first
/// use so that start-up reads no file and opens no socket.
package protocol EngineService: AnyObject {
    /// Releases sockets and threads before the process exits.
    func shutdown()
}

/// The engine's services by type. They shut down newest first, so a service that uses another
/// (created before it) stops before the one it uses.
package final class EngineServices {
    private var services: [ObjectIdentifier: any EngineService] = [:]
    private var order: [ObjectIdentifier] = []

    package func service<Service: EngineService>(_ type: Service.Type, create: () -> Service) -> Service {
        let key = ObjectIdentifier(type)
        if let existing = services[key] as? Service { return existing }
        let service = create()
        services[key] = service
        order.append(key)
        return service
    }

    package func existing<Service: EngineService>(_ type: Service.Type) -> Service? {
        services[ObjectIdentifier(type)] as? Service
    }

    package func shutdown() {
        for key in order.reversed() { services[key]?.shutdown() }
    }
}

extension Engine {
    /// The engine's `Service`, created by `create` on first use.
    package func service<Service: EngineService>(_ type: Service.Type, create: () -> Service) -> Service {
        services.service(type, create: create)
    }

    /// The engine's `Service` if something already created it.
    package func existingService<Service: EngineService>(_ type: Service.Type) -> Service? {
        services.existing(type)
    }
}
