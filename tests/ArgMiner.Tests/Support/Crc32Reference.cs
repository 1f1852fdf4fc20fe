namespace ArgMiner.Tests.Support;

/// <summary>CRC-32 (the zip polynomial) bit by bit: a reference apart from the code under test and the libraries.</summary>
internal static class Crc32Reference
{
    public static uint Of(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
