namespace ArgMiner.Output.Xlsx;

/// <summary>
/// The CRC-32 (zip polynomial) of two byte runs one after the other, from the CRC of each and the second's length,
/// without reading either again: a sheet's rows are compressed and checksummed while the batch runs, and the XML
/// before them (widths, row count) is only known at the end. Written by hand because neither SharpZipLib nor
/// System.IO.Hashing offers it; it is the method of zlib's <c>crc32_combine</c>: appending n zero bytes to a
/// message is a linear map on its CRC register, applied by squaring a 32×32 matrix over GF(2) once per bit of n.
/// </summary>
internal static class Crc32Combine
{
    private const uint Polynomial = 0xEDB88320u;

    /// <summary>The CRC-32 of A followed by B, given CRC(A), CRC(B) and B's length in bytes.</summary>
    public static uint Combine(uint first, uint second, long secondLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondLength);
        if (secondLength == 0)
        {
            return first;
        }

        // odd: the operator for one zero bit; even: for two, then squared up as the length's bits are read.
        Span<uint> odd = stackalloc uint[32];
        Span<uint> even = stackalloc uint[32];
        odd[0] = Polynomial;
        var row = 1u;
        for (var n = 1; n < 32; n++)
        {
            odd[n] = row;
            row <<= 1;
        }

        Square(even, odd); // two zero bits
        Square(odd, even); // four zero bits

        // Each round squares the operator (8 zero bits, then 16, 32 …) and applies it where the length has a 1 bit.
        var crc = first;
        var length = secondLength;
        while (true)
        {
            Square(even, odd);
            if ((length & 1) != 0)
            {
                crc = Times(even, crc);
            }

            length >>= 1;
            if (length == 0)
            {
                break;
            }

            Square(odd, even);
            if ((length & 1) != 0)
            {
                crc = Times(odd, crc);
            }

            length >>= 1;
            if (length == 0)
            {
                break;
            }
        }

        return crc ^ second;
    }

    private static uint Times(ReadOnlySpan<uint> matrix, uint vector)
    {
        var sum = 0u;
        for (var i = 0; vector != 0; i++, vector >>= 1)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }
        }

        return sum;
    }

    private static void Square(Span<uint> square, ReadOnlySpan<uint> matrix)
    {
        for (var n = 0; n < 32; n++)
        {
            square[n] = Times(matrix, matrix[n]);
        }
    }
}
