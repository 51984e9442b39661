import ShellEngine

/// The CIM classes whose instances a module of the emulated host owns (Win32_Service by the
/// services, Win32_OptionalFeature by the features): the module registers them here and the CIM
/// cmdlets read them, so neither imports the other.
package final class CimRepository: EngineService {
    private var providers: [String: (Engine) -> [CimInstanceObject]] = [:]

    package func provide(namespace: String, className: String, _ instances: @escaping (Engine) -> [CimInstanceObject]) {
        providers[Self.key(namespace, className)] = instances
    }

    /// The instances of a class some module provides; nil when none does.
    package func instances(namespace: String, className: String, engine: Engine) -> [CimInstanceObject]? {
        providers[Self.key(namespace, className)]?(engine)
    }

    private static func key(_ namespace: String, _ className: String) -> String {
        (namespace + ":" + className).lowercased().replacing("\\", with: "/")
    }

    package func shutdown() {}
}

extension Engine {
    package var cimRepository: CimRepository { service(CimRepository.self) { CimRepository() } }
}
