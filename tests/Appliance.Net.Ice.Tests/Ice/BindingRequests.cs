using System.Security.Cryptography;
using System.Text;
using Appliance.Net.Stun;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>Builds the Binding requests a browser (a full, controlling ICE agent) sends.</summary>
internal static class BindingRequests
{
    public static byte[] Build(
        string serverUfrag,
        string browserUfrag,
        string serverPassword,
        bool useCandidate = false,
        bool controlled = false,
        bool includeRole = true,
        bool includeUsername = true,
        bool includeIntegrity = true,
        byte[]? transactionId = null,
        ushort extraAttribute = 0)
    {
        transactionId ??= RandomNumberGenerator.GetBytes(12);
        var buffer = new byte[512];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        if (includeUsername)
        {
            writer.AddUsername(serverUfrag, browserUfrag);
        }

        writer.AddPriority(1845501695);
        if (includeRole && controlled)
        {
            writer.AddIceControlled(0x1234);
        }
        else if (includeRole)
        {
            writer.AddIceControlling(0x5678);
        }

        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        if (extraAttribute != 0)
        {
            writer.AddAttribute(extraAttribute, [1, 2, 3, 4]);
        }

        if (includeIntegrity)
        {
            writer.AddMessageIntegrity(Encoding.UTF8.GetBytes(serverPassword));
        }

        writer.AddFingerprint();
        return writer.Written.ToArray();
    }
}
