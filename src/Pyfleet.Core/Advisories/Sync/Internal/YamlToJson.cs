using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pyfleet.Core.Advisories.Sync.Internal;

/// <summary>
/// Turns the first document of a YAML advisory into JSON from YamlDotNet's event stream, without recursion and
/// without YamlDotNet's representation model: anchors and aliases are refused (advisory files never use them, and
/// they are what "billion laughs" and recursive aliases need), nesting is bounded, keys must be scalars and
/// unique. Every scalar stays a string (FORMATS.md §6.2: an unquoted <c>5.0</c> is a version, not a float).
/// Each refusal is a <see cref="YamlException"/> with the position of the offending event (issue 17).
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Read(TextReader text, int maxDepth)
    {
        var parser = new Parser(text);
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return null;
        }

        var stack = new Stack<Frame>();
        JsonNode? root = null;
        // Consume has already moved to the root node's first event: handle Current, then move.
        for (; parser.Current is { } current; parser.MoveNext())
        {
            switch (current)
            {
                case AnchorAlias:
                    throw Refuse(current, "YAML aliases (*name) are not accepted in advisory files");
                case NodeEvent { Anchor.IsEmpty: false }:
                    throw Refuse(current, "YAML anchors (&name) are not accepted in advisory files");
                case MappingStart or SequenceStart:
                    if (stack.Count >= maxDepth)
                    {
                        throw Refuse(current, $"nested deeper than {maxDepth} levels (the input limit)");
                    }

                    JsonNode container = current is MappingStart ? new JsonObject() : new JsonArray();
                    Attach(stack, ref root, container, current);
                    stack.Push(new Frame(container));
                    break;
                case Scalar scalar:
                    if (stack.TryPeek(out var top) && top.Node is JsonObject && top.Key is null)
                    {
                        top.Key = scalar.Value;
                        top.KeyEvent = scalar;
                    }
                    else
                    {
                        Attach(stack, ref root, ToValue(scalar), current);
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    stack.Pop();
                    break;
                case DocumentEnd:
                    return root;
            }
        }

        return root;
    }

    private static JsonNode? ToValue(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" ? null : JsonValue.Create(scalar.Value);

    private static void Attach(Stack<Frame> stack, ref JsonNode? root, JsonNode? node, ParsingEvent at)
    {
        if (!stack.TryPeek(out var top))
        {
            root = node;
            return;
        }

        if (top.Node is JsonArray array)
        {
            array.Add(node);
            return;
        }

        var obj = (JsonObject)top.Node;
        if (top.Key is null)
        {
            throw Refuse(at, "complex (non-scalar) mapping keys are not accepted in advisory files");
        }

        if (!obj.TryAdd(top.Key, node))
        {
            throw Refuse(top.KeyEvent!, $"duplicate key '{top.Key}'");
        }

        top.Key = null;
    }

    private static YamlException Refuse(ParsingEvent at, string message) => new(at.Start, at.End, message);

    private sealed class Frame(JsonNode node)
    {
        public JsonNode Node { get; } = node;

        public string? Key { get; set; }

        public ParsingEvent? KeyEvent { get; set; }
    }
}
