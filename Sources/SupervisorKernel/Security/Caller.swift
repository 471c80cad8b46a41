/// Who sent a request, as established from its token.
public enum Caller: Sendable, Hashable {
    /// No token was needed (ping, proxies with their own checks) or none was given.
    case anonymous
    /// Home Assistant Core.
    case homeAssistant
    /// The `ha` CLI plugin: full access.
    case cli
    /// The observer plugin: `/…/info` reads only.
    case observer
    /// An add-on with its role and API permission.
    case addon(AddonIdentity)

    /// The add-on slug when the caller is an add-on.
    public var addonSlug: String? {
        if case .addon(let identity) = self { return identity.slug }
        return nil
    }
}

/// The API rights of an add-on, from its configuration.
public struct AddonIdentity: Sendable, Hashable {
    public var slug: String
    public var role: AddonRole
    /// `hassio_api: true`: may use its role's allow list, not only the bypass list.
    public var hassioAPI: Bool

    public init(slug: String, role: AddonRole, hassioAPI: Bool) {
        self.slug = slug
        self.role = role
        self.hassioAPI = hassioAPI
    }
}

/// The `hassio_role` of an add-on.
public enum AddonRole: String, Sendable, Hashable, CaseIterable, Codable {
    case `default`
    case homeassistant
    case backup
    case manager
    case admin
}
