namespace Pyfleet.Core.Fleet;

/// <summary>What <see cref="IFleetStore.CreateTokenAsync"/> stores for a new token.</summary>
public sealed record NewToken(string Scope, string? Host, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, byte[] Hash);
