using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>One call-like instruction found in IL: who calls, and which method on which type.</summary>
internal sealed record MethodCallSite(string CallerType, string CalleeType, string CalleeName);

/// <summary>
/// Reads every method body of an assembly and lists its call, callvirt, newobj, ldftn, ldvirtftn and jmp targets,
/// so a test can prove that no code path reaches a given method. Reading metadata (not loading types) means nothing
/// of the scanned assembly runs.
/// </summary>
internal static class MethodCallScanner
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value, op => op.OperandType);

    private static readonly HashSet<ILOpCode> CallLike =
        [ILOpCode.Call, ILOpCode.Callvirt, ILOpCode.Newobj, ILOpCode.Ldftn, ILOpCode.Ldvirtftn, ILOpCode.Jmp];

    public static IReadOnlyList<MethodCallSite> Scan(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        MetadataReader md = pe.GetMetadataReader();
        var sites = new List<MethodCallSite>();
        foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
        {
            string caller = OutermostName(md, typeHandle);
            foreach (MethodDefinitionHandle methodHandle in md.GetTypeDefinition(typeHandle).GetMethods())
            {
                int rva = md.GetMethodDefinition(methodHandle).RelativeVirtualAddress;
                if (rva != 0)
                {
                    ScanBody(md, pe.GetMethodBody(rva).GetILReader(), caller, sites);
                }
            }
        }

        return sites;
    }

    /// <summary>Every string literal of the assembly (to catch a method looked up by name through reflection).</summary>
    public static IReadOnlyList<string> UserStrings(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        MetadataReader md = pe.GetMetadataReader();
        var strings = new List<string>();
        for (UserStringHandle h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h))
        {
            strings.Add(md.GetUserString(h));
        }

        return strings;
    }

    private static void ScanBody(MetadataReader md, BlobReader il, string caller, List<MethodCallSite> sites)
    {
        while (il.RemainingBytes > 0)
        {
            byte first = il.ReadByte();
            short value = first == 0xFE ? unchecked((short)(0xFE00 | il.ReadByte())) : first;
            OperandType operand = OperandTypes[value];
            if (CallLike.Contains((ILOpCode)unchecked((ushort)value)))
            {
                var (type, name) = Resolve(md, MetadataTokens.EntityHandle(il.ReadInt32()));
                sites.Add(new MethodCallSite(caller, type, name));
                continue;
            }

            // The operand size is computed before moving: a switch's size depends on the count it reads first.
            int skip = operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => il.ReadInt32() * 4,
                _ => 4,
            };
            il.Offset += skip;
        }
    }

    private static (string Type, string Name) Resolve(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return (TypeName(md, method.GetDeclaringType()), md.GetString(method.Name));
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                return (TypeName(md, member.Parent), md.GetString(member.Name));
            case HandleKind.MethodSpecification:
                return Resolve(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return ("?", "?");
        }
    }

    private static string TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                var definition = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                var declaring = definition.GetDeclaringType();
                return declaring.IsNil
                    ? Join(md.GetString(definition.Namespace), md.GetString(definition.Name))
                    : $"{TypeName(md, declaring)}+{md.GetString(definition.Name)}";
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                return reference.ResolutionScope.Kind == HandleKind.TypeReference
                    ? $"{TypeName(md, (TypeReferenceHandle)reference.ResolutionScope)}+{md.GetString(reference.Name)}"
                    : Join(md.GetString(reference.Namespace), md.GetString(reference.Name));
            case HandleKind.TypeSpecification:
                // A generic instantiation: GENERICINST (CLASS | VALUETYPE) TypeDefOrRef …; name it by its definition.
                BlobReader blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    return TypeName(md, blob.ReadTypeHandle());
                }

                return "?";
            case HandleKind.MethodDefinition:
                return TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
            default:
                return "?";
        }
    }

    private static string OutermostName(MetadataReader md, TypeDefinitionHandle handle)
    {
        while (md.GetTypeDefinition(handle).GetDeclaringType() is { IsNil: false } outer)
        {
            handle = outer;
        }

        return TypeName(md, handle);
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";
}
